from facilitator.serving import lan_address, public_url_for


def test_public_url_keeps_an_explicit_host():
    assert public_url_for("127.0.0.1", 5000) == "http://127.0.0.1:5000"


def test_public_url_for_all_interfaces_names_a_reachable_address():
    url = public_url_for("0.0.0.0", 5000)
    address = lan_address()
    assert url == f"http://{address or '127.0.0.1'}:5000"
    assert address is None or not address.startswith("127.")
