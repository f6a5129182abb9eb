let frameworkData = "Devon SCP QA Framework, Quantitative Measures and 'Spot' Audits"
