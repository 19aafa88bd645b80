"""MS-OVBA pieces: the compression, the data encryption and the text formats.

The compression (MS-OVBA 2.4.1) packs VBA source and the ``dir`` stream;
the "data encryption" (2.4.3) only obscures the three protection values in
the ``PROJECT`` stream. Both are written deterministically here.
"""

from __future__ import annotations

CHUNK = 4096


def _copy_token_layout(position: int) -> tuple[int, int]:
    """(bit count of the offset, maximum match length) at ``position`` in a chunk."""
    bit_count = max((position - 1).bit_length(), 4)
    return bit_count, (0xFFFF >> bit_count) + 3


def _compress_chunk(chunk: bytes) -> bytes:
    out = bytearray()
    heads: dict[bytes, list[int]] = {}
    position = 0
    while position < len(chunk):
        flags = 0
        tokens = bytearray()
        for bit in range(8):
            if position >= len(chunk):
                break
            offset, length = _longest_match(chunk, position, heads)
            if length >= 3:
                bit_count, _ = _copy_token_layout(position)
                token = ((offset - 1) << (16 - bit_count)) | (length - 3)
                tokens += token.to_bytes(2, "little")
                flags |= 1 << bit
                step = length
            else:
                tokens.append(chunk[position])
                step = 1
            for i in range(position, position + step):
                heads.setdefault(chunk[i : i + 3], []).append(i)
            position += step
        out.append(flags)
        out += tokens
    return bytes(out)


def _longest_match(chunk: bytes, position: int, heads: dict[bytes, list[int]]) -> tuple[int, int]:
    if position == 0 or position + 3 > len(chunk):
        return 0, 0
    _, maximum = _copy_token_layout(position)
    maximum = min(maximum, len(chunk) - position)
    best_offset, best_length = 0, 0
    for start in reversed(heads.get(chunk[position : position + 3], [])[-64:]):
        length = 3
        while length < maximum and chunk[start + length] == chunk[position + length]:
            length += 1
        if length > best_length:
            best_offset, best_length = position - start, length
            if length == maximum:
                break
    return best_offset, best_length


def compress(data: bytes) -> bytes:
    """Compress ``data`` into an MS-OVBA CompressedContainer."""
    out = bytearray(b"\x01")
    for start in range(0, len(data), CHUNK):
        raw = data[start : start + CHUNK]
        packed = _compress_chunk(raw)
        if len(packed) <= CHUNK:
            out += (0xB000 | (len(packed) + 2 - 3)).to_bytes(2, "little") + packed
        elif len(raw) == CHUNK:
            out += (0x3000 | 0x0FFF).to_bytes(2, "little") + raw
        else:
            raise ValueError("final chunk does not compress; VBA source is expected to be text")
    return bytes(out)


def decompress(container: bytes) -> bytes:
    """Inverse of :func:`compress` (used by tests and by the setup command)."""
    if not container or container[0] != 1:
        raise ValueError("not an MS-OVBA compressed container")
    out = bytearray()
    position = 1
    while position < len(container):
        header = int.from_bytes(container[position : position + 2], "little")
        end = position + (header & 0x0FFF) + 3
        position += 2
        if not header & 0x8000:
            out += container[position : position + CHUNK]
            position += CHUNK
            continue
        chunk_start = len(out)
        while position < end:
            flags = container[position]
            position += 1
            for bit in range(8):
                if position >= end:
                    break
                if not flags & (1 << bit):
                    out.append(container[position])
                    position += 1
                    continue
                token = int.from_bytes(container[position : position + 2], "little")
                position += 2
                bit_count, _ = _copy_token_layout(len(out) - chunk_start)
                offset = (token >> (16 - bit_count)) + 1
                length = (token & (0xFFFF >> bit_count)) + 3
                for _ in range(length):
                    out.append(out[-offset])
        position = end
    return bytes(out)


def encrypt(data: bytes, project_id: str, seed: int) -> str:
    """MS-OVBA 2.4.3.2 data encryption, as the hex text used in ``PROJECT``.

    The seed is fixed by the caller (normally random) so builds are deterministic;
    the ignored bytes are zeros.
    """
    version = 2
    project_key = sum(project_id.encode("ascii")) & 0xFF
    out = bytearray([seed, seed ^ version, seed ^ project_key])
    unencrypted, encrypted1, encrypted2 = project_key, seed ^ project_key, seed ^ version
    payload = bytes((seed & 6) // 2) + len(data).to_bytes(4, "little") + data
    for byte in payload:
        encrypted = byte ^ ((encrypted2 + unencrypted) & 0xFF)
        out.append(encrypted)
        encrypted2, encrypted1, unencrypted = encrypted1, encrypted, byte
    return out.hex().upper()


def decrypt(text: str) -> bytes:
    """Inverse of :func:`encrypt`: the plain data behind a CMG/DPB/GC value."""
    raw = bytes.fromhex(text)
    seed, _version_enc, project_key_enc = raw[0], raw[1], raw[2]
    unencrypted, encrypted1, encrypted2 = seed ^ project_key_enc, project_key_enc, raw[1]
    plain = bytearray()
    for encrypted in raw[3:]:
        byte = encrypted ^ ((encrypted2 + unencrypted) & 0xFF)
        plain.append(byte)
        encrypted2, encrypted1, unencrypted = encrypted1, encrypted, byte
    ignored = (seed & 6) // 2
    length = int.from_bytes(plain[ignored : ignored + 4], "little")
    return bytes(plain[ignored + 4 : ignored + 4 + length])
