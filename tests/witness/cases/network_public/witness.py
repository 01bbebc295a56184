import socket

print("connecting")
sock = socket.create_connection(("93.184.216.34", 80), timeout=10)
print("connected: the sandbox leaked")
