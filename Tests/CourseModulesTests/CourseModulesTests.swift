// Tests for CourseModules live here.
