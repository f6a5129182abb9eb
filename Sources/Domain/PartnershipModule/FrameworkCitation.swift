import Foundation

let frameworkCitation = "Devon SCP Quality Assurance Framework"
