def check(score):
    if score < 0:
        raise ValueError(f"score must be non-negative, got {score}")
    return score

check(-1)
