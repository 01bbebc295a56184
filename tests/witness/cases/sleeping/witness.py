import time


def wait_for_data():
    time.sleep(60)


wait_for_data()
