from unionbench.cli import main

raise SystemExit(main())
