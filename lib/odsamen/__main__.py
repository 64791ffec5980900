from odsamen.cli import main

raise SystemExit(main())
