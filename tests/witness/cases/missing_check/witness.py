def check_present():
    assert True
