"""Text stage: normalization with offsets, tokens, clitics, numbers, segments."""
