import { describeInngestScenarios, embeddedScenarioTarget } from "./testing";

describeInngestScenarios(embeddedScenarioTarget());
