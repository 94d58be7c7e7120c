assert len([1, 2]) == 3, "expected three items"
