values = [1, 2]
values(0)
