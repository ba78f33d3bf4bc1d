"""SmartBooqing's own addresses, the one home for them: where the helpdesk is mailed and where the portal is."""

from __future__ import annotations

HELPDESK_MAIL = "helpdesk@smartbooqing.com"  # the setup guide: "contact the SmartBooqing Helpdesk at helpdesk@…"
PORTAL_URL = "https://www.smartbooqing.com"
