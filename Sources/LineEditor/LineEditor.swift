// LineEditor: reading lines from a person through libedit (or plain lines when stdin is not a TTY).
