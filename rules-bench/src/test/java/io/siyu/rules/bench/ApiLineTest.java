package io.siyu.rules.bench;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.siyu.rules.architecture.ApiLine;

/** rules-bench uses only the packages that rules-core's module exports (its main and its test code). */
@AnalyzeClasses(packages = "io.siyu.rules.bench")
class ApiLineTest {
    @ArchTest
    static final ArchRule usesOnlyTheApiOfRulesCore = ApiLine.onlyTheExportedApiOfRulesCore();
}
