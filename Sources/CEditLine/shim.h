// The parts of libedit that LineEditor uses: the editline(3) interface and its history.
#include <stdio.h>
#include <histedit.h>
#include <editline/readline.h>
