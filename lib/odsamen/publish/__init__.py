"""Publishing: from a data folder to the board pack (plan, run, export, publish).

``pack`` validates the data, plans one job per service, publishes the pack
without losing the previous one and writes its tables and front page;
``runner`` executes the briefing notebook per service in parallel worker
processes; ``export`` turns an executed notebook into HTML and PDF;
``notebooks`` refreshes the reference outputs of the analysis notebooks.
"""
