// Tests for CLI live here.
