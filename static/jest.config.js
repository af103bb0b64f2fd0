// The Custom UI's tests alone: npx jest -c static/jest.config.js
module.exports = { projects: require('./jest.projects') };
