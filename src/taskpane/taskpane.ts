import "./controller";
