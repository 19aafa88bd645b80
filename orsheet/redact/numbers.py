"""Numbers that identify a person, found in free text: phone numbers, BSNs, IBANs (pure).

The Woo export removes them whoever's they are (:mod:`orsheet.redact` gives the codes):
a works council's minutes hold the numbers of employees, not of the organisation.

- Phone numbers as Dutch texts write them, national ("06-12345678", "010 123 4567",
  "(020) 555 1234") or international ("+31 6 1234 5678", "0032 470 12 34 56"), found
  and checked against the numbering plans by ``phonenumbers`` (Google's libphonenumber):
  a date, a time, an amount or a case number is no phone number. A number must start as
  one is dialled (0, + or a bracket) and have at least nine digits. Numbers only an
  organisation has (free 0800, paid 0900/0906/0909, company 088 and 14 0xx numbers) are
  kept; a fixed line is removed like a mobile number, since nothing tells a colleague's
  direct line from the switchboard.
- A BSN: nine digits ("123456782", "1234.56.782", "123 456 782") that pass the
  elfproef of the Wet algemene bepalingen burgerservicenummer.
- An IBAN: country code, check digits and account ("NL91 ABNA 0417 1643 00") whose
  ISO 13616 check (mod 97) holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_BSN = re.compile(r"(?<![\w.,/-])(?:\d{4}\.\d{2}\.\d{3}|\d{3}([ .])\d{3}\1\d{3}|\d{9})(?![\w/-]|[.,]\d)")
_IBAN = re.compile(r"(?<![\w-])[A-Z]{2}\d{2}(?:[ \u00a0]?[A-Z0-9]{4}){2,7}(?:[ \u00a0]?[A-Z0-9]{1,3})?(?![\w-])",
                   re.IGNORECASE)
_MIN_PHONE_DIGITS = 9
# What a phone number at least looks like (a 0, + or bracket and eight more digits among
# separators): the text without one is not given to the (slower) matcher.
_PHONE_HINT = re.compile(r"(?:\+|(?<!\d)0|\()(?:[\s\u00a0().-]{0,3}\d){8}")


def bsn_valid(digits: str) -> bool:
    """The elfproef: 9*d1 + 8*d2 + ... + 2*d8 - d9 is a multiple of 11 (and not all zeros)."""
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1))) - int(digits[8])
    return total % 11 == 0


def iban_valid(text: str) -> bool:
    """ISO 13616: the country code and check digits moved to the end, letters as 10..35, mod 97 is 1."""
    code = re.sub(r"[\s\u00a0]", "", text).upper()
    if not 15 <= len(code) <= 34:
        return False
    moved = code[4:] + code[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def phone_numbers(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the phone numbers in ``text`` (Dutch numbers unless written with a country code)."""
    if not _PHONE_HINT.search(text):
        return
    from phonenumbers import Leniency, PhoneNumberMatcher, PhoneNumberType, number_type  # only for text with digits

    organisations = {PhoneNumberType.TOLL_FREE, PhoneNumberType.PREMIUM_RATE, PhoneNumberType.SHARED_COST,
                     PhoneNumberType.UAN}
    for match in PhoneNumberMatcher(text, "NL", leniency=Leniency.VALID):
        raw = match.raw_string
        if raw[:1] in "0+(" and sum(c.isdigit() for c in raw) >= _MIN_PHONE_DIGITS \
                and number_type(match.number) not in organisations:
            yield match.start, match.end


def personal_numbers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every phone number ("telefoon"), BSN ("bsn") and IBAN ("iban"), in order.

    Overlapping finds keep the first kind in that order: a phone number is no BSN.
    """
    if not any(c.isdigit() for c in text):
        return []
    found = [(start, end, "telefoon") for start, end in phone_numbers(text)]
    found += [(m.start(), m.end(), "bsn") for m in _BSN.finditer(text) if bsn_valid(re.sub(r"\D", "", m.group(0)))]
    found += [(m.start(), m.end(), "iban") for m in _IBAN.finditer(text) if iban_valid(m.group(0))]
    kept: list[tuple[int, int, str]] = []
    for span in found:
        if not any(span[0] < end and start < span[1] for start, end, _ in kept):
            kept.append(span)
    return sorted(kept)
