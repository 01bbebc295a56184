import sys

sys.exit("bad input")
