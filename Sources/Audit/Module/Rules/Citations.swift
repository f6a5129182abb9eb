let qadg = "Devon SCP QA Framework, The Role of the Quality Assurance Delivery Group"
