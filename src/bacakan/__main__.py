from bacakan.cli import main

main()
