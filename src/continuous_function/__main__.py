from continuous_function.cli import app

app()
