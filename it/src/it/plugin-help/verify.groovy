// `mvn hookc:help -Ddetail` lists each goal a user runs, with the parameters they set most.
def log = new File(basedir, 'build.log').text
assert log.contains('This plugin has 4 goals:') : 'hookc:help does not list exactly the four goals'
['hookc:generate-sources', 'hookc:run', 'hookc:executable-jar', 'hookc:help'].each { goal ->
  assert log.contains(goal) : "hookc:help does not list ${goal}"
}
['failOnWarning', 'packageName', 'classDataArchive', 'watch'].each { parameter ->
  assert log.contains(parameter) : "hookc:help -Ddetail does not describe ${parameter}"
}
// A description line that starts with '@' is read as a Javadoc tag and cuts the text short.
assert log.contains('starts in about half the CPU') : 'the executable-jar description is cut short'
true
