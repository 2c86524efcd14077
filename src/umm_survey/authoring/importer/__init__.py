"""Reading awesome-list READMEs into catalogue entries: parse -> plan -> write."""
