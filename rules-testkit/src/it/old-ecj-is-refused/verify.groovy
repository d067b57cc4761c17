// The build failed for the right reason: the Enforcer's ban on old ECJ, not a missing artifact.
def log = new File(basedir, 'build.log').text
assert log.contains('org.eclipse.jdt.core.compiler:ecj:jar:4.6.1 <--- banned')
assert log.contains('org.eclipse.jdt:ecj:jar:3.26.0 <--- banned')
assert log.contains('An old Eclipse compiler (ECJ) is on the class path')
