import functions from '@azure/functions';
import { createRoutes, createTimerJobs } from './app';
import { loadConfig } from './config';
import { createServices } from './create-services';
import { consoleLogger } from './logger';

/** Production entry: registers the route table and timer jobs with the Azure Functions host. */
const services = createServices(loadConfig(process.env), consoleLogger());

for (const route of createRoutes(services)) {
  functions.app.http(route.name, {
    methods: route.methods,
    route: route.route,
    authLevel: 'anonymous',
    handler: route.handler,
  });
}
for (const job of createTimerJobs(services)) {
  functions.app.timer(job.name, { schedule: job.schedule, handler: job.handler });
}
