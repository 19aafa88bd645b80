"""The one OOXML package layer (parts, relationships, content types) and its checks."""
