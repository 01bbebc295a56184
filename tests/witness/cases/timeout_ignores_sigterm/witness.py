import signal

signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a polite stop is not enough
while True:
    pass
