"""One module of explorers per lesson. Each registers its contracts in :data:`alliancelab.widgets.CONTRACTS`;
``alliancelab.widgets`` re-exports every explorer, so notebooks call ``widgets.<explorer>()``."""
