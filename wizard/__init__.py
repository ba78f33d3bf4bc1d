"""SmartBooqing AFAS Setup: connects an AFAS Profit environment to SmartBooqing and proves it works."""

__version__ = "0.1.0"
