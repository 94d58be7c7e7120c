// Course: lessons, steps, answer checks, progress.
