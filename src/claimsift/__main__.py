"""python -m claimsift"""

from claimsift.cli import main

main()
