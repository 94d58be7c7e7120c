// Tests for LineEditor live here.
