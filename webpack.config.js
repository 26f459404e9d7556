/* eslint-disable no-undef */
// Build as the Yo Office "Excel Custom Functions using a Shared Runtime" template does: one
// long-lived page (taskpane.html) hosts the functions, the ribbon commands and the task pane.
const fs = require("fs");
const os = require("os");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { toProduction } = require("./scripts/build-config");

// Excel calls a custom function whose input holds an error (#DIV/0! in one cell of a range)
// only if functions.json says "allowErrorForDataTypeAny": true, and the metadata generator
// never writes it (docs: custom-functions-errors.md). This adds it to the generated file;
// src/functions/spill.ts maps the error objects Excel then passes to the engine's inputs.
class AllowErrorInputsPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("AllowErrorInputsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "AllowErrorInputsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return;
          const json = JSON.parse(asset.source.source().toString());
          json.allowErrorForDataTypeAny = true;
          compilation.updateAsset(
            "functions.json",
            new sources.RawSource(JSON.stringify(json, null, 2))
          );
        }
      );
    });
  }
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === "development";
  const entry = {
    // The ribbon commands are bundled with the task pane, not as a third bundle: each bundle
    // has its own webpack runtime and module instances, so a separate commands.js would drive
    // its own copy of the controller, not the one the pane renders. (dependOn does not work
    // either: functions.js's runtime also receives that chunk and fails to run it.)
    taskpane: ["./src/taskpane/taskpane.ts", "./src/commands/commands.ts"],
    // Self-contained: it is also the manifest's CustomFunctions Script.
    functions: "./src/functions/functions.ts",
  };
  const pages = [
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: "./src/taskpane/taskpane.html",
      chunks: ["taskpane", "functions"],
    }),
  ];
  // The playground (npm start on Linux, browser tests) is dev tooling: built only with
  // `--env playground` into its own folder, never into the production dist/.
  const playground = Boolean(env.playground);
  if (playground) {
    entry["fake-host"] = "./dev/playground/fake-host.ts";
    entry.playground = "./dev/playground/playground.ts";
    pages.push(
      new HtmlWebpackPlugin({
        filename: "playground.html",
        template: "./dev/playground/playground.html",
        chunks: ["playground"],
      })
    );
  }

  return {
    // Never eval-based, not even in development: the task pane's Content-Security-Policy has
    // no 'unsafe-eval', so an eval devtool would break the sideloaded dev build.
    devtool: "source-map",
    entry,
    output: {
      path: path.resolve(__dirname, playground ? "dist-playground" : "dist"),
      publicPath: "",
      clean: true,
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // ES modules so that import() of the nomenclature data becomes a lazily loaded chunk.
            options: {
              transpileOnly: true,
              compilerOptions: {
                module: "es2020",
                moduleResolution: "node",
                isolatedModules: true,
              },
            },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new AllowErrorInputsPlugin(),
      ...pages,
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          ...(fs.existsSync("./src/help/bantuan.html")
            ? [{ from: "src/help/bantuan.html", to: "bantuan.html" }]
            : []),
          // Production manifest only: sideloading (dev) uses ./manifest.xml itself, and a dev copy
          // in dist/ would look like a production manifest with localhost left in.
          ...(dev || playground
            ? []
            : [
                {
                  from: "manifest.xml",
                  to: "manifest.xml",
                  transform: (content) => toProduction(content.toString()),
                },
              ]),
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
      // Certificates only for `webpack serve`; `webpack --mode ...` builds never touch them.
      server: env.WEBPACK_SERVE ? await devServerTransport() : "http",
    },
  };
};

// Excel loads add-ins only over trusted https. office-addin-dev-certs is not a dependency (it
// is fetched by `npx` on Windows/macOS, see scripts/start.js), so use it if it resolves and
// otherwise read the certificates it installs in ~/.office-addin-dev-certs.
async function devServerTransport() {
  try {
    const devCerts = require("office-addin-dev-certs");
    return { type: "https", options: await devCerts.getHttpsServerOptions() };
  } catch {
    const dir = path.join(os.homedir(), ".office-addin-dev-certs");
    const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
    if (Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) {
      const options = {};
      for (const [k, f] of Object.entries(files)) options[k] = fs.readFileSync(path.join(dir, f));
      return { type: "https", options };
    }
    console.warn(
      "Sertifikat pengembangan tidak ditemukan: jalankan `npx office-addin-dev-certs install`. " +
        "Server pengembangan berjalan lewat http (Excel tidak akan memuatnya)."
    );
    return "http";
  }
}
