def main() -> int:
    print("prepub")
    return 0
