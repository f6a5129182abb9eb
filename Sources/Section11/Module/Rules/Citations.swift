let framework = "Devon SCP QA Framework, Individual Agency Contribution and Section 11"
