// Stylesheets are a build concern: under jest an import of .scss/.css is an empty module.
export default {};
