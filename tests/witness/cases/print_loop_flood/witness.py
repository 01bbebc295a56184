import sys

for i in range(10**9):
    sys.stderr.write(f"line {i}\n")
