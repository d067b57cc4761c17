/** A host application on the module path: it needs nothing from siyu-rules but the exported API. */
module demo {
    requires io.siyu.rules;
    // Rules call Vip (allowed with PackOptions.allowClass); Drools' generated classes are in the unnamed
    // module, so the package must be exported to everyone.
    exports demo.vip;
}
