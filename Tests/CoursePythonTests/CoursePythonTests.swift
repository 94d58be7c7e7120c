// Tests for CoursePython live here.
