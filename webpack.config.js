/* eslint-disable no-undef */
// Build as the Yo Office "Excel Custom Functions using a Shared Runtime" template does: one
// long-lived page (taskpane.html) hosts the functions, the ribbon commands and the task pane.
const fs = require("fs");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { toProduction } = require("./scripts/build-config");

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const entry = {
    taskpane: "./src/taskpane/taskpane.ts",
    functions: "./src/functions/functions.ts",
    commands: "./src/commands/commands.ts",
  };
  const pages = [
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: "./src/taskpane/taskpane.html",
      chunks: ["taskpane", "functions", "commands"],
    }),
  ];
  if (fs.existsSync("./src/playground/playground.ts")) {
    // Playground and browser test only: never referenced by taskpane.html or the manifest.
    entry["fake-host"] = "./src/playground/fake-host.ts";
    entry.playground = "./src/playground/playground.ts";
    pages.push(new HtmlWebpackPlugin({ filename: "playground.html", template: "./src/playground/playground.html", chunks: ["playground"] }));
  }

  const config = {
    devtool: dev ? "eval-cheap-module-source-map" : "source-map", // never eval in production bundles
    entry,
    output: { path: path.resolve(__dirname, "dist"), publicPath: "", clean: true, filename: "[name].js", chunkFilename: "[name].[contenthash:8].js" },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // ES modules so that import() of the nomenclature data becomes a lazily loaded chunk.
            options: { transpileOnly: true, compilerOptions: { module: "es2020", moduleResolution: "node", isolatedModules: true } },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      ...pages,
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/help/bantuan.html", to: "bantuan.html" },
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => (dev ? content : toProduction(content.toString())) },
          ...(fs.existsSync("./src/playground/samples") ? [{ from: "src/playground/samples", to: "samples" }] : []),
        ],
      }),
    ],
    // No `global` shim: webpack's shim falls back to new Function("return this"), which the
    // task pane's Content-Security-Policy forbids.
    node: { global: false },
    performance: { hints: false },
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      server: await devServerTransport(dev),
    },
  };
  return config;
};

// Dev certificates only for the sideloading dev server; office-addin-dev-certs is fetched on
// demand (npx) on Windows/macOS and is not needed for `npm run build` or the tests.
async function devServerTransport(dev) {
  if (!dev) return "http";
  try {
    const devCerts = require("office-addin-dev-certs");
    return { type: "https", options: await devCerts.getHttpsServerOptions() };
  } catch {
    return "http";
  }
}
