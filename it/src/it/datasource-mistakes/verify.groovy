// See ../_shared/expected-diagnostics.groovy.
evaluate(new File(basedir, "../../../src/it/_shared/expected-diagnostics.groovy"))
