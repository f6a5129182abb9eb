let loop = "Devon SCP QA Framework, Closing the Learning Loop and Monitoring the Impact of Change"
