/**
 * The "Northwind Ops" sample workspace, copied verbatim from the Workato reference pack's fixtures
 * (fixtures/*.json, see its README). The simulator must never read ../shared at run time, so the data lives here.
 * Tree: Home 1201000 ├ Order to Cash 1201101 (project 44021) ├ Salesforce sync 1201210, NetSuite posting 1201211
 *                    ├ Procure to Pay 1201102 (project 44022) └ Shared utilities 1201103 (project 44023).
 */
import type { Workato } from '../workato/types.js';

/** fixtures/users-me.json */
export const NW_WORKSPACE: Workato.Workspace = {
  "id": 270315,
  "name": "Northwind Ops",
  "created_at": "2023-04-11T08:30:12.045-07:00",
  "plan_id": "enterprise_yearly",
  "current_billing_period_start": "2025-06-01T00:00:00.000-07:00",
  "current_billing_period_end": "2025-07-01T00:00:00.000-07:00",
  "expert": false,
  "avatar_url": "https://workato-assets.s3.amazonaws.com/profiles/avatars/000/270/315/large/logo.png?1681227012",
  "recipes_count": 4,
  "interested_applications": [],
  "company_name": "Northwind Traders",
  "location": null,
  "last_seen": "2025-06-12T08:55:03.770-07:00",
  "contact_phone": null,
  "contact_email": null,
  "about_me": null,
  "email": "automation-admin@northwind.example",
  "phone": "xxxxxxxxxx",
  "active_recipes_count": 2,
  "root_folder_id": 1201000
};

/** fixtures/recipes-list.json (GET /api/recipes?includes[]=tags), id-descending, with tags. */
export const NW_RECIPES: Workato.Recipe[] = [
  {"id":3307712,"user_id":270315,"name":"Salesforce won opportunity -> NetSuite sales order","created_at":"2025-02-03T09:14:22.118-08:00","updated_at":"2025-06-11T16:02:41.905-07:00","copy_count":1,"trigger_application":"salesforce","action_applications":["netsuite","slack"],"applications":["salesforce","netsuite","slack"],"description":"When an opportunity is closed-won, create a NetSuite sales order and notify #revops.","parameters_schema":[],"parameters":{},"webhook_url":null,"folder_id":1201210,"running":true,"job_succeeded_count":412,"job_failed_count":9,"lifetime_task_count":2634,"last_run_at":"2025-06-12T08:41:07.314-07:00","stopped_at":null,"version_no":14,"stop_cause":null,"config":[{"keyword":"application","name":"salesforce","provider":"salesforce","skip_validation":false,"account_id":880101},{"keyword":"application","name":"netsuite","provider":"netsuite","skip_validation":false,"account_id":880102},{"keyword":"application","name":"slack","provider":"slack","skip_validation":false,"account_id":880103}],"trigger_closure":null,"code":"{\"number\":0,\"provider\":\"salesforce\",\"name\":\"updated_custom_object\",\"as\":\"f3a1c2b7\",\"keyword\":\"trigger\",\"input\":{\"sobject_name\":\"Opportunity\",\"since\":\"2025-01-01T00:00:00-08:00\"},\"block\":[{\"number\":1,\"provider\":\"netsuite\",\"name\":\"create_sales_order\",\"as\":\"9d2e41aa\",\"keyword\":\"action\",\"input\":{\"entity\":\"#{_dp('{\\\"pill_type\\\":\\\"output\\\",\\\"provider\\\":\\\"salesforce\\\",\\\"line\\\":\\\"f3a1c2b7\\\",\\\"path\\\":[\\\"AccountId\\\"]}')}\"}},{\"number\":2,\"provider\":\"slack\",\"name\":\"post_message\",\"as\":\"5b60c8d1\",\"keyword\":\"action\",\"input\":{\"channel\":\"#revops\",\"message\":\"Sales order created\"}}],\"uuid\":\"0c6b1f4e-52c4-4b86-9f0a-3c1f9b7d2e10\"}","author_name":"Priya Raman","version_author_name":"Priya Raman","version_author_email":"priya.raman@northwind.example","version_comment":"Map payment terms","tags":["tag-ANgeffPL-3gxQwA","tag-AQf3d2Kx-9LmNpZ"]},
  {"id":3307698,"user_id":270315,"name":"Nightly NetSuite invoice sync","created_at":"2025-01-28T17:40:03.660-08:00","updated_at":"2025-05-02T10:20:31.457-07:00","copy_count":0,"trigger_application":"clock","action_applications":["netsuite"],"applications":["clock","netsuite"],"description":"Every night, pull new NetSuite invoices for reconciliation.","parameters_schema":[],"parameters":{},"webhook_url":null,"folder_id":1201211,"running":false,"job_succeeded_count":96,"job_failed_count":2,"lifetime_task_count":388,"last_run_at":"2025-05-02T02:00:04.118-07:00","stopped_at":"2025-05-02T10:20:31.440-07:00","version_no":6,"stop_cause":null,"config":[{"keyword":"application","name":"clock","provider":"clock","skip_validation":false,"account_id":null},{"keyword":"application","name":"netsuite","provider":"netsuite","skip_validation":false,"account_id":880102}],"trigger_closure":null,"code":"{\"number\":0,\"provider\":\"clock\",\"name\":\"scheduled_event\",\"as\":\"1e0d9a55\",\"keyword\":\"trigger\",\"input\":{\"time_unit\":\"days\",\"trigger_every\":\"1\"},\"block\":[{\"number\":1,\"provider\":\"netsuite\",\"name\":\"search_records\",\"as\":\"77c2b0e3\",\"keyword\":\"action\",\"input\":{\"record_type\":\"invoice\"}}]}","author_name":"Marcus Lee","version_author_name":"Marcus Lee","version_author_email":"marcus.lee@northwind.example","version_comment":"Switch to saved search","tags":["tag-ANgeffPL-3gxQwA"]},
  {"id":3307650,"user_id":270315,"name":"Jira procurement issue -> Slack alert","created_at":"2024-12-02T09:05:51.270-08:00","updated_at":"2025-05-21T03:30:02.811-07:00","copy_count":0,"trigger_application":"jira","action_applications":["slack"],"applications":["jira","slack"],"description":"Post new PROC issues to #procurement.","parameters_schema":[],"parameters":{},"webhook_url":null,"folder_id":1201102,"running":false,"job_succeeded_count":1503,"job_failed_count":41,"lifetime_task_count":3009,"last_run_at":"2025-05-21T03:24:40.006-07:00","stopped_at":"2025-05-21T03:30:02.790-07:00","version_no":3,"stop_cause":"trigger_errors_limit","config":[{"keyword":"application","name":"jira","provider":"jira","skip_validation":false,"account_id":880104},{"keyword":"application","name":"slack","provider":"slack","skip_validation":false,"account_id":880103}],"trigger_closure":null,"code":"{\"number\":0,\"provider\":\"jira\",\"name\":\"new_issue\",\"as\":\"4be7a0c9\",\"keyword\":\"trigger\",\"input\":{\"project\":\"PROC\"},\"block\":[{\"number\":1,\"provider\":\"slack\",\"name\":\"post_message\",\"as\":\"aa01f9d4\",\"keyword\":\"action\",\"input\":{\"channel\":\"#procurement\"}}]}","author_name":"Marcus Lee","version_author_name":"Marcus Lee","version_author_email":"marcus.lee@northwind.example","version_comment":null,"tags":["tag-AQf3d2Kx-9LmNpZ"]},
  {"id":3307601,"user_id":270315,"name":"Callable: normalize postal address","created_at":"2024-11-06T16:02:10.002-08:00","updated_at":"2025-03-01T12:00:00.418-08:00","copy_count":0,"trigger_application":"workato_recipe_function","action_applications":[],"applications":["workato_recipe_function"],"description":"Reusable function that normalizes an address string.","parameters_schema":[],"parameters":{},"webhook_url":null,"folder_id":1201103,"running":true,"job_succeeded_count":5210,"job_failed_count":0,"lifetime_task_count":5210,"last_run_at":"2025-06-12T08:41:08.902-07:00","stopped_at":null,"version_no":2,"stop_cause":null,"config":[{"keyword":"application","name":"workato_recipe_function","provider":"workato_recipe_function","skip_validation":false,"account_id":null}],"trigger_closure":null,"code":"{\"number\":0,\"provider\":\"workato_recipe_function\",\"name\":\"execute\",\"as\":\"c0ffee01\",\"keyword\":\"trigger\",\"input\":{\"parameters_schema_json\":\"[{\\\"name\\\":\\\"address\\\",\\\"type\\\":\\\"string\\\"}]\"},\"block\":[]}","author_name":"Priya Raman","version_author_name":"Priya Raman","version_author_email":"priya.raman@northwind.example","version_comment":"Initial version","tags":[]},
];

/** fixtures/recipe-versions-list.json (recipe 3307712, newest first). */
export const NW_VERSIONS_3307712: Workato.RecipeVersion[] = [
  {"id":99120,"version_no":14,"comment":"Map payment terms","author_name":"Priya Raman","author_email":"priya.raman@northwind.example","created_at":"2025-06-11T16:02:41.880-07:00","updated_at":"2025-06-11T16:05:12.004-07:00"},
  {"id":99087,"version_no":13,"comment":null,"author_name":"Priya Raman","author_email":"priya.raman@northwind.example","created_at":"2025-05-29T10:44:03.511-07:00","updated_at":"2025-05-29T10:44:03.511-07:00"},
  {"id":98850,"version_no":12,"comment":"Add Slack notification","author_name":"Marcus Lee","author_email":"marcus.lee@northwind.example","created_at":"2025-04-14T09:12:55.070-07:00","updated_at":"2025-04-14T09:13:40.226-07:00"},
];

/** fixtures/jobs-list.json: the three newest jobs of recipe 3307712 (counters 412/9). */
export const NW_JOBS_3307712: Workato.Job[] = [
  {"id":"j-AXk9ZfQ2-pL7cW1","flow_run_id":58203311,"completed_at":"2025-06-12T08:41:09.002-07:00","started_at":"2025-06-12T08:41:07.314-07:00","title":"Salesforce: updated opportunity: Acme Corp - Renewal 2025","is_poll_error":false,"error":null,"is_error":false},
  {"id":"j-AXk9Yb71-Qm3rT8","flow_run_id":58203290,"completed_at":"2025-06-12T07:12:55.431-07:00","started_at":"2025-06-12T07:12:53.880-07:00","title":"Salesforce: updated opportunity: Globex - Expansion","is_poll_error":false,"error":"NetSuite: Create sales order: Invalid field value: entity","error_parts":{"adapter":"netsuite","error_type":"Invalid field value","message":"entity","error_id":"603260f5-a309-45b3-a20e-111d90a28917","error_at":"2025-06-12T07:12:55.401-07:00","input":"<redacted>","inner_message":null},"is_error":true},
  {"id":"j-AXk9X4nR-Vd2sE6","flow_run_id":58203244,"completed_at":"2025-06-12T06:30:21.778-07:00","started_at":"2025-06-12T06:30:19.105-07:00","title":"Salesforce: updated opportunity: Initech - New logo","is_poll_error":false,"error":null,"is_error":false},
];

/** fixtures/job-get.json */
export const NW_JOB_DETAIL: Workato.JobDetail = {
  "id": "j-AXk9Yb71-Qm3rT8",
  "handle": "j-AXk9Yb71-Qm3rT8",
  "recipe_id": 3307712,
  "completed_at": "2025-06-12T07:12:55.431-07:00",
  "started_at": "2025-06-12T07:12:53.880-07:00",
  "title": "Salesforce: updated opportunity: Globex - Expansion",
  "is_poll_error": false,
  "lines": [
    {
      "recipe_line_number": 0,
      "adapter_name": "salesforce",
      "adapter_operation": "updated_custom_object",
      "line_stat": {
        "total": 0.000412
      }
    },
    {
      "recipe_line_number": 1,
      "adapter_name": "netsuite",
      "adapter_operation": "create_sales_order",
      "line_stat": {
        "total": 1.50773
      }
    }
  ],
  "error": "NetSuite: Create sales order: Invalid field value: entity",
  "is_error": true,
  "is_repeat": false,
  "is_test": false,
  "is_test_case_job": false,
  "master_job_id": null,
  "master_job_handle": null,
  "status": "failed",
  "calling_recipe_id": null,
  "calling_job_id": null,
  "calling_job_handle": null
};

/** fixtures/connections-list.json (with tags), id-ascending as recorded. */
export const NW_CONNECTIONS: Workato.Connection[] = [
  {"application":"salesforce","id":880101,"name":"Salesforce Prod","description":null,"authorized_at":"2025-01-20T10:03:11.226-08:00","authorization_status":"success","authorization_error":null,"created_at":"2025-01-20T10:02:40.019-08:00","updated_at":"2025-05-30T12:00:14.881-07:00","external_id":null,"folder_id":1201101,"connection_lost_at":null,"connection_lost_reason":null,"parent_id":null,"tags":["tag-ANgeffPL-3gxQwA"]},
  {"application":"netsuite","id":880102,"name":"NetSuite Prod","description":null,"authorized_at":"2025-01-20T10:09:52.604-08:00","authorization_status":"success","authorization_error":null,"created_at":"2025-01-20T10:08:31.992-08:00","updated_at":"2025-04-02T07:45:20.310-07:00","external_id":null,"folder_id":1201101,"connection_lost_at":null,"connection_lost_reason":null,"parent_id":null,"tags":["tag-ANgeffPL-3gxQwA"]},
  {"application":"slack","id":880103,"name":"Ops Slack","description":null,"authorized_at":"2024-11-06T15:30:08.441-08:00","authorization_status":"success","authorization_error":null,"created_at":"2024-11-06T15:29:51.870-08:00","updated_at":"2024-11-06T15:30:08.452-08:00","external_id":null,"folder_id":1201103,"connection_lost_at":null,"connection_lost_reason":null,"parent_id":null,"tags":[]},
  {"application":"jira","id":880104,"name":"Jira Cloud","description":null,"authorized_at":"2024-12-02T09:00:12.005-08:00","authorization_status":"failed","authorization_error":"401 Unauthorized: token expired or revoked","created_at":"2024-12-02T08:59:40.731-08:00","updated_at":"2025-05-21T03:12:44.090-07:00","external_id":null,"folder_id":1201102,"connection_lost_at":"2025-05-21T03:12:44.071-07:00","connection_lost_reason":"Authentication failed","parent_id":null,"tags":["tag-AQf3d2Kx-9LmNpZ"]},
];

/** fixtures/folders-list.json + folders-list-parent-1201101.json */
export const NW_FOLDERS: Workato.Folder[] = [
  {"id":1201103,"name":"Shared utilities","parent_id":1201000,"is_project":true,"project_id":44023,"created_at":"2024-11-04T09:20:02.771-08:00","updated_at":"2025-01-15T10:11:09.300-08:00"},
  {"id":1201102,"name":"Procure to Pay","parent_id":1201000,"is_project":true,"project_id":44022,"created_at":"2024-11-04T09:15:48.062-08:00","updated_at":"2025-02-27T13:40:55.118-08:00"},
  {"id":1201101,"name":"Order to Cash","parent_id":1201000,"is_project":true,"project_id":44021,"created_at":"2024-11-04T09:12:33.410-08:00","updated_at":"2025-03-18T14:45:01.002-07:00"},
  {"id":1201211,"name":"NetSuite posting","parent_id":1201101,"is_project":false,"project_id":44021,"created_at":"2024-11-05T11:02:17.553-08:00","updated_at":"2025-03-18T14:45:00.977-07:00"},
  {"id":1201210,"name":"Salesforce sync","parent_id":1201101,"is_project":false,"project_id":44021,"created_at":"2024-11-05T11:01:44.208-08:00","updated_at":"2025-02-03T09:14:22.130-08:00"},
];

/** fixtures/projects-list.json */
export const NW_PROJECTS: Workato.Project[] = [
  {"id":44023,"description":"Callable helpers shared by all projects","folder_id":1201103,"name":"Shared utilities"},
  {"id":44022,"description":"Jira and purchasing automations","folder_id":1201102,"name":"Procure to Pay"},
  {"id":44021,"description":"Quote-to-cash automations between Salesforce and NetSuite","folder_id":1201101,"name":"Order to Cash"},
];

/** fixtures/integrations.json + integrations-all.json (connector metadata). */
export const FIXTURE_CONNECTORS: Workato.Connector[] = [
  {"name":"salesforce","title":"Salesforce","categories":["CRM","Sales"],"oauth":true,"deprecated":false,"secondary":false,"triggers":[{"name":"updated_custom_object","title":"New/updated record","deprecated":false,"bulk":false,"batch":false},{"name":"new_custom_object","title":"New record","deprecated":false,"bulk":false,"batch":false},{"name":"bulk_new_custom_object","title":"New records (batch)","deprecated":false,"bulk":false,"batch":true}],"actions":[{"name":"create_custom_object","title":"Create record","deprecated":false,"bulk":false,"batch":false},{"name":"search_sobjects","title":"Search records","deprecated":false,"bulk":false,"batch":true},{"name":"bulk_upsert","title":"Upsert records in bulk","deprecated":false,"bulk":true,"batch":false}]},
  {"name":"netsuite","title":"NetSuite","categories":["ERP","Accounting"],"oauth":false,"deprecated":false,"secondary":false,"triggers":[{"name":"new_record","title":"New record","deprecated":false,"bulk":false,"batch":false},{"name":"new_or_updated_record","title":"New/updated record","deprecated":false,"bulk":false,"batch":false}],"actions":[{"name":"create_sales_order","title":"Create sales order","deprecated":false,"bulk":false,"batch":false},{"name":"search_records","title":"Search records","deprecated":false,"bulk":false,"batch":true}]},
  {"name":"slack","title":"Slack","categories":["Collaboration"],"oauth":true,"deprecated":false,"secondary":false,"triggers":[{"name":"new_message","title":"New message in channel","deprecated":false,"bulk":false,"batch":false}],"actions":[{"name":"post_message","title":"Post message","deprecated":false,"bulk":false,"batch":false}]},
  {"name":"active_directory","title":"Active Directory","categories":["Directory Services"],"oauth":false,"deprecated":false,"secondary":false,"triggers":[{"name":"new_entry","title":"New entry","deprecated":false,"bulk":false,"batch":false}],"actions":[{"name":"search_entries","title":"Search entries","deprecated":false,"bulk":false,"batch":false}]},
  {"name":"airtable","title":"Airtable","categories":["Database"],"oauth":true,"deprecated":false,"secondary":false,"triggers":[{"name":"new_record","title":"New record","deprecated":false,"bulk":false,"batch":false}],"actions":[{"name":"create_record","title":"Create record","deprecated":false,"bulk":false,"batch":false},{"name":"search_records","title":"Search records","deprecated":false,"bulk":false,"batch":false}]},
];

/** fixtures/error-500.json */
export const FIXTURE_ERROR_500 = {"message":"Server error","id":"32y2298sjbjdwejweg"};
