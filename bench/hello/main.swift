// The floor for start-up time: a static Swift binary that prints one line.
print("hello")
