print("starting", flush=True)
n = 0
while True:
    n += 1
