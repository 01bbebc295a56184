import socket

socket.getaddrinfo("example.com", 53)
